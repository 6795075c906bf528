package dev.earshot.core;

/**
 * What a platform bills for reading, counted as the adapter read it: posts, user profiles and
 * direct message events (X's pay-per-use units). Never negative.
 */
public record BillableReads(long posts, long users, long dmEvents) {
    public static final BillableReads NONE = new BillableReads(0, 0, 0);

    public BillableReads {
        if (posts < 0 || users < 0 || dmEvents < 0) {
            throw new IllegalArgumentException("billable reads are never negative");
        }
    }

    public BillableReads plus(BillableReads other) {
        return new BillableReads(posts + other.posts, users + other.users, dmEvents + other.dmEvents);
    }

    public boolean isNone() {
        return posts == 0 && users == 0 && dmEvents == 0;
    }
}
