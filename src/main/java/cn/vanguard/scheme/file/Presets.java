package cn.vanguard.scheme.file;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import cn.vanguard.scheme.Scheme;

/**
 * The built-in presets: the seed rule documents as scheme files shipped inside the application (presets.md). Their ids
 * and item codes never change once shipped; a new version of a preset gets a new id.
 */
public final class Presets {

    /** In the order presets.md lists them. */
    public static final List<String> IDS = List.of("city-direct-organs", "city-organs-100", "fuxian-organs",
            "district-80-20", "star-rating", "changzhou-2021", "branch-monthly", "branch-hourly", "rules-15");

    private static final Map<String, Scheme> LOADED = new ConcurrentHashMap<>();

    private Presets() {
    }

    public static boolean exists(String id) {
        return IDS.contains(id);
    }

    /** The preset's scheme file, as shipped (with its comments). */
    public static Optional<String> text(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        try (InputStream in = Presets.class.getResourceAsStream("presets/" + id + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("preset " + id + " is missing from the application");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Optional<Scheme> get(String id) {
        if (!exists(id)) {
            return Optional.empty();
        }
        return Optional.of(LOADED.computeIfAbsent(id, Presets::load));
    }

    private static Scheme load(String id) {
        SchemeLoad load = SchemeFiles.read(text(id).orElseThrow());
        if (!load.ok()) {
            throw new IllegalStateException("preset " + id + " does not load: " + load.problems());
        }
        return load.scheme();
    }

    public static List<Scheme> all() {
        return IDS.stream().map(id -> get(id).orElseThrow()).toList();
    }
}
