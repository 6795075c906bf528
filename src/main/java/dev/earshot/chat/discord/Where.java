package dev.earshot.chat.discord;

import net.dv8tion.jda.api.entities.channel.Channel;
import net.dv8tion.jda.api.entities.channel.concrete.ThreadChannel;
import net.dv8tion.jda.api.interactions.Interaction;

/**
 * Where an interaction came from, read from JDA without any call to Discord.
 *
 * @param guild null for a direct message
 * @param parent the channel a thread belongs to, else null
 */
record Where(String user, String guild, String channel, String parent) {

    static Where of(Interaction i) {
        String guild = i.getGuild() == null ? null : i.getGuild().getId();
        Channel channel = i.getChannel();
        String parent = null;
        if (channel instanceof ThreadChannel thread) {
            try {
                parent = thread.getParentChannel().getId();
            } catch (RuntimeException e) {
                parent = null; // a thread JDA knows too little about counts as outside
            }
        }
        return new Where(i.getUser().getId(), guild, channel == null ? null : channel.getId(), parent);
    }
}
