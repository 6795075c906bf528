/**
 * Report adapters: the digest's trend chart drawn with XChart (headless Java2D, a PNG), and the
 * conversation log written as CSV with Jackson. They turn core values into bytes; they hold no
 * rules. May import core, port and their libraries; nothing imports them but the composition root.
 */
package dev.earshot.report;
