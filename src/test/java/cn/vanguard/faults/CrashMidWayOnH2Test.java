package cn.vanguard.faults;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link CrashMidWayContract} on the embedded H2 database in a file, as a default installation runs. H2 writes
 * committed transactions to its file in the background, every half second by default ({@code WRITE_DELAY}), so a
 * kill can lose what was committed just before it (docs/deploy.md): this test holds H2 to "nothing partial, nothing
 * twice", not to "every answered request survives". {@code AUTO_SERVER} lets the test read the file while the
 * application holds it; the application still writes it in its own process.
 */
class CrashMidWayOnH2Test extends CrashMidWayContract {

    private Path file;

    @Override
    List<String> databaseArguments(Path dir) {
        file = dir.resolve("h2").resolve("vanguard");
        return List.of("--spring.datasource.url=" + url(), "--spring.datasource.username=sa", "--spring.datasource.password=");
    }

    @Override
    Connection connect() throws SQLException {
        // opened without the application, the test would hold the file and the application would become its client
        assertThat(application.alive()).as("the application holds the database").isTrue();
        return DriverManager.getConnection(url(), "sa", "");
    }

    @Override
    boolean keepsEveryCommit() {
        return false;
    }

    private String url() {
        return "jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=TRUE;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
    }
}
