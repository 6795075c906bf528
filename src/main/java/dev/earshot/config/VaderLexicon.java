package dev.earshot.config;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The VADER sentiment lexicon shipped in the jar ({@code lexicon/vader_sentiment_lexicon.txt},
 * MIT, see {@code lexicon/LICENSE-VADER.txt} and THIRD-PARTY.md): one entry a line, tab-separated
 * {@code token, mean rating, standard deviation, ten raw ratings}. Only the first two are read.
 * Read once per process; the core's {@link dev.earshot.core.Sentiment} gets the ratings.
 */
public final class VaderLexicon {
    static final String RESOURCE = "/lexicon/vader_sentiment_lexicon.txt";

    private VaderLexicon() {
    }

    /** Word (or emoticon, or two-word phrase) to its rating from -4 to +4. */
    public static Map<String, Double> ratings() {
        return Holder.RATINGS;
    }

    private static final class Holder {
        static final Map<String, Double> RATINGS = read();
    }

    static Map<String, Double> read() {
        InputStream in = VaderLexicon.class.getResourceAsStream(RESOURCE);
        if (in == null) {
            throw new IllegalStateException(RESOURCE + " is missing from the classpath; the build is broken");
        }
        Map<String, Double> ratings = new HashMap<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int lineNo = 0;
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                lineNo++;
                String[] columns = line.split("\t");
                if (line.isBlank()) {
                    continue;
                }
                if (columns.length < 2) {
                    throw new IllegalStateException(RESOURCE + " line " + lineNo + " has no rating");
                }
                ratings.put(columns[0], Double.parseDouble(columns[1].strip()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
        return Map.copyOf(ratings);
    }
}
