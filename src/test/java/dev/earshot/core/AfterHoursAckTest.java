package dev.earshot.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The after-hours rule, the opening and closing it rests on, and the read budget: pure arithmetic. */
class AfterHoursAckTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private final BusinessHours hours = BusinessHours.standard(BERLIN);
    private final AfterHoursAck ack = new AfterHoursAck(true, null, false);
    /** Saturday 28 November 2026, 11:00 in Berlin. */
    private final Instant saturday = Instant.parse("2026-11-28T10:00:00Z");
    private final Instant mondayOpen = Instant.parse("2026-11-30T08:00:00Z");

    private static Message of(MessageKind kind, Instant at) {
        return new Message(Platform.X, "acme-x", "p1", new Author(Platform.X, "jane", "Jane Doe", 10, ""), "hi",
                "", at, kind, null, "p1");
    }

    @Test
    void aMentionAtTheWeekendIsAnsweredWithWhenTheTeamIsBack() {
        Optional<Instant> period = ack.period(hours, of(MessageKind.MENTION, saturday), saturday);
        assertEquals(Optional.of(mondayOpen), period);
        assertEquals("Thanks Jane Doe, our team is back at Mon 09:00 CET; we'll answer you then.",
                ack.text(of(MessageKind.MENTION, saturday).author(), period.get(), BERLIN));
    }

    @Test
    void keywordMatchesInHoursAndDirectMessagesUnlessAskedAreNot() {
        assertEquals(Optional.empty(), ack.period(hours, of(MessageKind.KEYWORD, saturday), saturday));
        assertEquals(Optional.empty(), ack.period(hours, of(MessageKind.DM, saturday), saturday));
        assertTrue(new AfterHoursAck(true, null, true).period(hours, of(MessageKind.DM, saturday), saturday).isPresent());
        Instant tuesdayNoon = Instant.parse("2026-12-01T11:00:00Z");
        assertEquals(Optional.empty(), ack.period(hours, of(MessageKind.REPLY, tuesdayNoon), tuesdayNoon));
        assertEquals(Optional.empty(), AfterHoursAck.off().period(hours, of(MessageKind.MENTION, saturday), saturday));
    }

    @Test
    void aMessageFromBeforeTheLastClosingIsALateBackfillAndIsNotAnswered() {
        Instant fridayNoon = Instant.parse("2026-11-27T11:00:00Z");
        assertEquals(Optional.empty(), ack.period(hours, of(MessageKind.MENTION, fridayNoon), saturday));
        assertEquals(Optional.of(Instant.parse("2026-11-27T16:00:00Z")), hours.lastClosing(saturday));
    }

    @Test
    void holidaysAndNeverOpenHoursAreFollowed() {
        BusinessHours withHoliday = new BusinessHours(BERLIN, BusinessHours.WEEKDAYS, hours.open(), hours.close(),
                java.util.Set.of(java.time.LocalDate.of(2026, 11, 30)));
        assertEquals(Optional.of(Instant.parse("2026-12-01T08:00:00Z")), withHoliday.nextOpening(saturday));
        BusinessHours never = new BusinessHours(BERLIN, java.util.Set.of(), hours.open(), hours.close(), null);
        assertEquals(Optional.empty(), ack.period(never, of(MessageKind.MENTION, saturday), saturday));
        assertEquals(Optional.empty(), BusinessHours.always(BERLIN).nextOpening(saturday).filter(o -> false));
    }

    @Test
    void templatesKeepUnknownFieldsAndNameThem() {
        AfterHoursAck custom = new AfterHoursAck(true, "Hi {handle}, back {opens} {oops}", false);
        assertEquals("Hi @jane, back Mon 09:00 CET {oops}", custom.text(of(MessageKind.MENTION, saturday).author(),
                mondayOpen, BERLIN));
        assertEquals(List.of("oops"), AfterHoursAck.unknownFields(custom.template()));
    }

    @Test
    void theBudgetStopsOptionalReadsWhereTheMentionsReserveBegins() {
        ReadBudget budget = new ReadBudget(new BigDecimal("50"), new BigDecimal("10"));
        assertTrue(budget.allowsOptional(new BigDecimal("39.99")));
        assertEquals(false, budget.allowsOptional(new BigDecimal("40.00")));
        ReadPrices x = ReadPrices.X;
        assertEquals(new BigDecimal("0.045"), x.cost(new BillableReads(5, 2, 0)).stripTrailingZeros());
        assertEquals("0.05 USD", x.format(new BigDecimal("0.045")));
    }
}
