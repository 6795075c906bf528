package dev.earshot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.earshot.store.PostgresStore;
import dev.earshot.store.SqliteStore;
import dev.earshot.store.TestPostgres;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code earshot migrate-store} from the command line: a URL with $EARSHOT_DB_PASSWORD, or two config files. */
class MigrateStoreCommandTest {
    private static final Instant T0 = Instant.parse("2025-03-03T09:00:00Z");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream realOut;
    private PrintStream realErr;

    @BeforeEach
    void capture() {
        realOut = System.out;
        realErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(realOut);
        System.setErr(realErr);
    }

    @Test
    void a_sqlite_file_goes_into_the_database_a_url_names() {
        Path file = sqliteWithACursor();
        String url = TestPostgres.emptyDatabase();

        int exit = run(Map.of(MigrateStoreCommand.PASSWORD_VARIABLE, TestPostgres.PASSWORD),
                "--from", file.toString(), "--to", url, "--user", TestPostgres.USER);

        assertEquals(0, exit, err::toString);
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("cursors=1"), out::toString);
        assertEquals(Optional.of("m2"), cursorIn(url));
    }

    @Test
    void config_files_name_both_stores_and_a_second_run_is_refused() throws Exception {
        Path file = sqliteWithACursor();
        String url = TestPostgres.emptyDatabase();
        Path from = Files.writeString(dir.resolve("old.yml"), "store: { path: " + file + " }\n" + MINIMAL);
        Path to = Files.writeString(dir.resolve("new.yml"), "store: { type: postgresql, url: \"" + url
                + "\", user: " + TestPostgres.USER + ", password: \"${DB_PASSWORD}\" }\n" + MINIMAL);
        Map<String, String> env = Map.of("DB_PASSWORD", TestPostgres.PASSWORD);

        assertEquals(0, run(env, "--from", from.toString(), "--to", to.toString()), err::toString);
        assertEquals(1, run(env, "--from", from.toString(), "--to", to.toString()));

        assertTrue(err.toString(StandardCharsets.UTF_8).contains("already holds data"), err::toString);
        assertEquals(Optional.of("m2"), cursorIn(url));
    }

    private static final String MINIMAL = "team: { members: [{ name: alice }] }\nsources: [{ type: demo, name: demo }]\n";

    private Path sqliteWithACursor() {
        Path file = dir.resolve("earshot.db");
        try (SqliteStore store = SqliteStore.open(file)) {
            store.write(tx -> {
                tx.saveCursor("x:brand", "m2", T0);
                return null;
            });
        }
        return file;
    }

    private static Optional<String> cursorIn(String url) {
        try (PostgresStore store = PostgresStore.open(url, TestPostgres.USER, TestPostgres.PASSWORD)) {
            return store.read(tx -> tx.cursor("x:brand"));
        }
    }

    private static int run(Map<String, String> env, String... args) {
        return new CommandLine(new MigrateStoreCommand(env::get)).execute(args);
    }
}
