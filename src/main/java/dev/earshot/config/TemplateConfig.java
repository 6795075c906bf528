package dev.earshot.config;

import dev.earshot.core.ReplyTemplate;

/**
 * A saved reply as written in config.
 *
 * @param text the reply, with {@code {customer}}, {@code {handle}}, {@code {agent}},
 *     {@code {platform}} and {@code {id}} filled in when picked
 */
public record TemplateConfig(String name, String text) {

    ReplyTemplate toTemplate() {
        return new ReplyTemplate(name.strip(), text.strip());
    }
}
