package cn.vanguard.ledger;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

import cn.vanguard.Invalid;

/**
 * A file of evidence: a photo (JPEG, PNG, WebP, GIF) or a PDF, recognised by its content whatever its name or declared
 * type says, at most 10 MB. Evidence of entries ({@link Attachments}) and of objections obeys the same checks.
 */
public record Upload(String filename, String contentType, byte[] data) {

    /** The largest evidence file. */
    public static final int MAX_BYTES = 10 * 1024 * 1024;

    /**
     * Refuses the files, naming the first one at fault, unless every one is a photo or a PDF of at most 10 MB and there are
     * at most {@code max} of them.
     *
     * @param per what the files belong to, for the message (每条记录, 每条异议)
     */
    public static void check(List<Upload> files, int max, String per) {
        if (files.size() > max) {
            throw Invalid.of("files", per + "最多上传" + max + "个证明材料");
        }
        for (Upload file : files) {
            if (file.data().length == 0) {
                throw Invalid.of("files", "文件“" + file.filename() + "”是空的");
            }
            if (file.data().length > MAX_BYTES) {
                throw Invalid.of("files", "文件“" + file.filename() + "”超过10MB，请压缩后再上传");
            }
            if (file.kind() == null) {
                throw Invalid.of("files", "文件“" + file.filename() + "”不是照片（JPG、PNG、WebP、GIF）或PDF");
            }
        }
    }

    /** The content type the bytes really are, or null for anything but a photo or a PDF. */
    public String kind() {
        if (starts(0xFF, 0xD8, 0xFF)) {
            return "image/jpeg";
        }
        if (starts(0x89, 'P', 'N', 'G')) {
            return "image/png";
        }
        if (starts('G', 'I', 'F', '8')) {
            return "image/gif";
        }
        if (data.length > 12 && starts('R', 'I', 'F', 'F') && data[8] == 'W' && data[9] == 'E' && data[10] == 'B' && data[11] == 'P') {
            return "image/webp";
        }
        if (starts('%', 'P', 'D', 'F')) {
            return "application/pdf";
        }
        return null;
    }

    /** The file name without path separators or control characters, at most 200 characters (its end kept). */
    public String safeName() {
        String base = filename == null || filename.isBlank() ? "附件" : filename.replaceAll("[\\\\/:*?\"<>|\\p{Cntrl}]", "_");
        return base.length() > 200 ? base.substring(base.length() - 200) : base;
    }

    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean starts(int... prefix) {
        if (data.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((data[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
