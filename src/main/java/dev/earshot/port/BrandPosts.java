package dev.earshot.port;

import dev.earshot.core.Dialogue;
import dev.earshot.core.Platform;
import java.time.Instant;
import java.util.List;

/** The brand's own posts, counted for the dialogue figures; part of every {@link Store.Tx}. */
public interface BrandPosts {

    /**
     * Notes one post by the brand's account: a reply to a customer, or a broadcast. A post noted
     * before (a later poll sees it again) is not counted twice: false then.
     */
    boolean addBrandPost(Platform platform, String account, String externalId, Instant at, boolean toCustomer);

    /**
     * Per platform, over [from, to): the brand's replies and broadcasts posted, the conversations
     * opened and how many of those were answered.
     */
    List<Dialogue.Counts> dialogueCounts(Instant from, Instant to);
}
