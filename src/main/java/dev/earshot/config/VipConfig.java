package dev.earshot.config;

import dev.earshot.core.Platform;
import dev.earshot.core.Vip;
import java.util.Locale;

/**
 * A VIP as written in config ({@code priority.vips}).
 *
 * @param handle their handle, with or without {@code @}
 * @param id the platform's account id (X user id, Bluesky DID, Mastodon account id)
 * @param platform x, mastodon, bluesky or demo; null for any platform
 * @param note what the card calls them ({@code press}); default: the handle or id
 * @param points how much they add; null for {@code priority.vipPoints}
 */
public record VipConfig(String handle, String id, String platform, String note, Integer points) {

    Vip toVip(int defaultPoints) {
        Platform on = platform == null || platform.isBlank() ? null
                : Platform.fromId(platform.strip().toLowerCase(Locale.ROOT));
        return new Vip(on, handle, id, note, points == null ? defaultPoints : points);
    }
}
