package dev.earshot.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.earshot.core.ConversationSummary;
import dev.earshot.core.Platform;
import dev.earshot.core.Priority;
import dev.earshot.core.State;
import java.io.IOException;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvLogTest {
    static final Instant OPENED = Instant.parse("2026-11-23T08:00:00.250Z");

    static ConversationSummary row(long id, String author, String text, String owner) {
        return new ConversationSummary(id, Platform.MASTODON, "acme", author, 10, text, "", OPENED,
                id == 1 ? OPENED.plusSeconds(600) : null, id == 1 ? State.REPLIED : State.NEW, owner,
                new Priority(42), null);
    }

    static String csv(ConversationSummary... rows) throws IOException {
        StringWriter out = new StringWriter();
        try (CsvLog log = new CsvLog(out, ZoneId.of("Europe/Berlin"))) {
            for (ConversationSummary r : rows) {
                log.write(r);
            }
        }
        return out.toString();
    }

    @Test
    void oneQuotedRowPerConversationUnderAHeader() throws IOException {
        assertEquals("\"id\",\"platform\",\"account\",\"author\",\"opened\",\"first_reply\",\"state\",\"owner\","
                        + "\"priority\",\"first_message\"\r\n"
                        + "1,\"mastodon\",\"acme\",\"jane\",\"2026-11-23T09:00:00+01:00\",\"2026-11-23T09:10:00+01:00\","
                        + "\"replied\",\"alice\",42,\"Hi, my \"\"order\"\"\nis late\"\r\n"
                        + "2,\"mastodon\",\"acme\",\"bob\",\"2026-11-23T09:00:00+01:00\",\"\",\"new\",\"\",42,\"\"\r\n",
                csv(row(1, "jane", "Hi, my \"order\"\nis late", "alice"), row(2, "bob", "", null)));
    }

    @Test
    void textThatASpreadsheetWouldRunAsAFormulaIsDefused() throws IOException {
        String out = csv(
                row(1, "eve", "=HYPERLINK(\"http://evil\",\"click\")", null),
                row(2, "+eve", "+1+1", null),
                row(3, "-eve", "-2+3", null),
                row(4, "@eve", "@SUM(A1:A9)", null),
                row(5, "eve", "\t=1+1", null),
                row(6, "eve", "fine = not a formula", null));
        List<List<String>> rows = parse(out);
        assertEquals("'=HYPERLINK(\"http://evil\",\"click\")", rows.get(1).get(9));
        assertEquals("'+eve", rows.get(2).get(3));
        assertEquals("'+1+1", rows.get(2).get(9));
        assertEquals("'-2+3", rows.get(3).get(9));
        assertEquals("'@eve", rows.get(4).get(3));
        assertEquals("'@SUM(A1:A9)", rows.get(4).get(9));
        assertEquals("'\t=1+1", rows.get(5).get(9));
        assertEquals("fine = not a formula", rows.get(6).get(9));
    }

    @Test
    void commasQuotesAndLineBreaksRoundTrip() throws IOException {
        String nasty = "a,b;\"c\"\r\nd\n\"\",,";
        List<List<String>> rows = parse(csv(row(2, "x", nasty, null)));
        assertEquals(2, rows.size());
        assertEquals(nasty, rows.get(1).get(9));
        assertEquals(CsvLog.COLUMNS, rows.get(0));
    }

    private static List<List<String>> parse(String text) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> it = mapper.readerForListOf(String.class).readValues(text)) {
            return it.readAll();
        }
    }
}
