package cn.vanguard.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generated ID-card key file is its owner's alone, from its creation on; a looser one found at start is tightened. */
class IdCardKeyFileTest {

    @TempDir
    Path dir;

    @BeforeEach
    void posix() {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"), "POSIX file permissions");
    }

    @Test
    void aGeneratedKeyFileIsOwnerOnlyAndNothingElseIsLeftBeside() throws Exception {
        Path file = dir.resolve("data/id-card.key");
        IdCards cards = new IdCards("", file.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        try (var files = Files.list(file.getParent())) {
            assertThat(files).containsExactly(file);
        }
        String sealed = cards.encrypt("11010519491231002X");
        assertThat(new IdCards("", file.toString()).decrypt(sealed)).isEqualTo("11010519491231002X");
    }

    @Test
    void anExistingKeyFileOthersMayReadIsMadeOwnerOnlyAndStillUsed() throws Exception {
        Path file = dir.resolve("id-card.key");
        IdCards first = new IdCards("", file.toString());
        String sealed = first.encrypt("11010519491231002X");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IdCards again = new IdCards("", file.toString());
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(again.decrypt(sealed)).isEqualTo("11010519491231002X");
    }

    @Test
    void aConfiguredKeyWritesNoFile() {
        Path file = dir.resolve("id-card.key");
        new IdCards(Base64.getEncoder().encodeToString(new byte[32]), file.toString());
        assertThat(file).doesNotExist();
    }
}
