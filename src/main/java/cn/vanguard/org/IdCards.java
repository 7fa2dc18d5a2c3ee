package cn.vanguard.org;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

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
 * a key file beside the embedded database.
 */
@Component
public class IdCards {

    private static final Logger LOG = LoggerFactory.getLogger(IdCards.class);
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
    private static final SecureRandom RANDOM = new SecureRandom();

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
                return Base64.getDecoder().decode(Files.readString(file).trim());
            }
            byte[] bytes = new byte[32];
            RANDOM.nextBytes(bytes);
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            Files.writeString(file, Base64.getEncoder().encodeToString(bytes));
            LOG.warn("No VANGUARD_ID_CARD_KEY configured: generated {} for ID-card encryption; back it up with the database, "
                    + "and configure the key explicitly when several nodes share a database", file.toAbsolutePath());
            return bytes;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
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
        return null;
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
