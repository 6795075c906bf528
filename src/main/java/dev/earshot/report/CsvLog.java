package dev.earshot.report;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.earshot.core.ConversationSummary;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The conversation log as CSV, one row per conversation (RFC 4180: comma, CRLF, double quotes).
 * Every text cell is quoted, since customers write commas, quotes and line breaks. Text that a
 * spreadsheet would run as a formula (a cell starting with {@code =}, {@code +}, {@code -},
 * {@code @}, or a tab or carriage return, as OWASP lists them) gets a leading apostrophe, so that
 * a customer cannot plant {@code =HYPERLINK(...)} in a manager's spreadsheet.
 */
public final class CsvLog implements Closeable {
    public static final List<String> COLUMNS = List.of("id", "platform", "account", "author", "opened",
            "first_reply", "state", "owner", "priority", "first_message");

    private final SequenceWriter rows;
    private final DateTimeFormatter times;
    private int written;

    /** Writes the header now; each {@link #write} adds a row. Times are shown in {@code zone}. */
    public CsvLog(Writer out, ZoneId zone) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n");
        COLUMNS.forEach(schema::addColumn);
        CsvMapper mapper = CsvMapper.builder().enable(CsvGenerator.Feature.ALWAYS_QUOTE_STRINGS).build();
        this.times = DateTimeFormatter.ISO_OFFSET_DATE_TIME.withZone(zone);
        try {
            this.rows = mapper.writerFor(List.class).with(schema.build()).writeValues(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the CSV", e);
        }
    }

    public void write(ConversationSummary c) {
        List<Object> row = Arrays.asList(
                c.id(),
                cell(c.platform().id()),
                cell(c.account()),
                cell(c.authorHandle()),
                time(c.openedAt()),
                time(c.firstReplyAt()),
                c.state().name().toLowerCase(Locale.ROOT),
                cell(c.owner()),
                c.priority().score(),
                cell(c.firstText()));
        try {
            rows.write(row);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the CSV", e);
        }
        written++;
    }

    /** Rows written so far, the header not counted. */
    public int rows() {
        return written;
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }

    /** Untrusted text as a safe cell: never null, never a formula. */
    static String cell(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }

    private String time(Instant at) {
        return at == null ? "" : times.format(at.truncatedTo(ChronoUnit.SECONDS));
    }
}
