package cn.vanguard.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * ID-card numbers (居民身份证号码): checked (GB 11643 checksum), stored encrypted with AES-256-GCM under a key from
 * the configuration (the same on every node), and shown masked. Without a configured key one is generated once into
 * a key file beside the embedded database, readable by its owner only.
 */
@Component
public class IdCards {

    private static final Logger LOG = LoggerFactory.getLogger(IdCards.class);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final SecretKeySpec key;

    public IdCards(@Value("${vanguard.id-card-key:}") String configured, @Value("${vanguard.key-file:./data/id-card.key}") String keyFile) {
        this.key = new SecretKeySpec(keyBytes(configured, Path.of(keyFile)), "AES");
    }

    private static byte[] keyBytes(String configured, Path file) {
        if (configured != null && !configured.isBlank()) {
            byte[] bytes = Base64.getDecoder().decode(configured.trim());
            if (bytes.length != 32) {
                throw new IllegalStateException("VANGUARD_ID_CARD_KEY must be 32 bytes in base64 (openssl rand -base64 32)");
            }
            return bytes;
        }
        try {
            if (Files.exists(file)) {
                tighten(file);
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            // written whole into a file that is owner-only from its creation, then renamed into place: no moment in
            // which another user of the machine could open it, and no half-written key after a crash
            Path temporary = posix(dir) ? Files.createTempFile(dir, ".id-card", ".tmp", PosixFilePermissions.asFileAttribute(OWNER_ONLY))
                    : Files.createTempFile(dir, ".id-card", ".tmp");
            try {
                Files.writeString(temporary, Base64.getEncoder().encodeToString(bytes));
                Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
            LOG.warn("No VANGUARD_ID_CARD_KEY configured: generated {} for ID-card encryption; back it up with the database, "
                    + "and configure the key explicitly when several nodes share a database", file.toAbsolutePath());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A key file others may read (made by hand, or by an older version) is made owner-only, with a warning. */
    private static void tighten(Path file) throws IOException {
        if (!posix(file)) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (!OWNER_ONLY.containsAll(permissions)) {
            Files.setPosixFilePermissions(file, OWNER_ONLY);
            LOG.warn("The ID-card key file {} was readable by others ({}): made it owner-only (rw-------); if others could read "
                    + "it before, consider the ID-card numbers exposed", file.toAbsolutePath(), PosixFilePermissions.toString(permissions));
        }
    }

    private static boolean posix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Why the number is not a valid 18-character ID-card number, or null. */
    public static String problem(String number) {
        if (number == null || !number.matches("\\d{17}[\\dXx]")) {
            return "身份证号码应为18位（最后一位可以是X）";
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (number.charAt(i) - '0') * WEIGHTS[i];
        }
        if (Character.toUpperCase(number.charAt(17)) != CHECK[sum % 11]) {
            return "身份证号码校验位不正确，请核对";
        }
        if (birthDate(number) == null) {
            return "身份证号码第7至14位应为出生日期（如19850312），现在不是有效日期，请核对";
        }
        return null;
    }

    /** The birth date a valid number carries in its 7th to 14th digits (GB 11643), or null where they are no date. */
    public static java.time.LocalDate birthDate(String number) {
        try {
            return java.time.LocalDate.parse(number.substring(6, 14), java.time.format.DateTimeFormatter.BASIC_ISO_DATE);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** The gender a valid number carries in its 17th digit: odd for men, even for women (GB 11643). */
    public static Gender gender(String number) {
        return (number.charAt(16) - '0') % 2 == 1 ? Gender.MALE : Gender.FEMALE;
    }

    /** {@code 1101**********123X}: the region and the last four digits. */
    public static String mask(String number) {
        return number.substring(0, 4) + "*".repeat(10) + number.substring(14).toUpperCase();
    }

    public String encrypt(String number) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(number.toUpperCase().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length).put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String decrypt(String stored) {
        try {
            byte[] all = Base64.getDecoder().decode(stored);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the ID-card key does not match the stored numbers", e);
        }
    }
}
