package dev.earshot.core;

import java.time.ZoneId;
import java.time.ZoneOffset;

/** A time zone as people read it: {@code Europe/Berlin}, and {@code UTC} rather than {@code Z}. */
public final class ZoneName {
    private ZoneName() {
    }

    public static String of(ZoneId zone) {
        return zone.normalized() instanceof ZoneOffset offset && offset.getTotalSeconds() == 0 ? "UTC" : zone.getId();
    }
}
