package dev.earshot.chat.discord;

import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.RETURNS_SELF;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.timeout;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import dev.earshot.core.ReplyTemplate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.User;
import net.dv8tion.jda.api.entities.channel.unions.MessageChannelUnion;
import net.dv8tion.jda.api.events.interaction.component.ButtonInteractionEvent;
import net.dv8tion.jda.api.interactions.InteractionHook;
import net.dv8tion.jda.api.modals.Modal;
import net.dv8tion.jda.api.requests.restaction.WebhookMessageCreateAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ModalCallbackAction;
import net.dv8tion.jda.api.requests.restaction.interactions.ReplyCallbackAction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DiscordCommands on JDA's interfaces (Mockito, RETURNS_SELF for the fluent RestActions) over the
 * real store: each click is deferred on the event thread before any work, and answered through
 * the hook, ephemerally; nothing there waits for Discord.
 */
class DiscordCommandsTest {
    @TempDir
    Path dir;
    private DiscordWorld world;
    private DiscordCommands commands;
    private final ReplyCallbackAction defer = mock(ReplyCallbackAction.class, RETURNS_SELF);
    private final InteractionHook hook = mock(InteractionHook.class);
    @SuppressWarnings("unchecked")
    private final WebhookMessageCreateAction<net.dv8tion.jda.api.entities.Message> answer =
            mock(WebhookMessageCreateAction.class, RETURNS_SELF);

    private DiscordCommands commands() {
        world = new DiscordWorld(dir).poll().drain();
        commands = new DiscordCommands(world.app.commands(), world.queries, world.team, FakeDiscord.GUILD,
                List.of(DiscordWorld.CHANNEL), List.of(new ReplyTemplate("thanks", "Thanks {customer}!")));
        when(hook.sendMessage(anyString())).thenReturn(answer);
        return commands;
    }

    @AfterEach
    void close() {
        if (commands != null) {
            commands.close();
        }
        if (world != null) {
            world.close();
        }
    }

    private ButtonInteractionEvent click(String user, String guild, String customId) {
        ButtonInteractionEvent e = mock(ButtonInteractionEvent.class);
        User u = mock(User.class);
        when(u.getId()).thenReturn(user);
        when(e.getUser()).thenReturn(u);
        Guild g = guild == null ? null : mock(Guild.class);
        if (g != null) {
            when(g.getId()).thenReturn(guild);
        }
        when(e.getGuild()).thenReturn(g);
        MessageChannelUnion channel = mock(MessageChannelUnion.class);
        when(channel.getId()).thenReturn(DiscordWorld.CHANNEL);
        when(e.getChannel()).thenReturn(channel);
        when(e.getComponentId()).thenReturn(customId);
        when(e.deferReply(anyBoolean())).thenReturn(defer);
        when(e.reply(anyString())).thenReturn(defer);
        when(e.getHook()).thenReturn(hook);
        return e;
    }

    @Test
    void aClaimIsDeferredAtOnceThenAnsweredThroughTheHookOnlyToTheAsker() {
        ButtonInteractionEvent e = click(DiscordPayloads.ALICE, FakeDiscord.GUILD, "earshot:claim:2");
        commands().onButtonInteraction(e);
        verify(e).deferReply(true); // on this (the event) thread, before the command runs
        verify(defer).queue();
        verify(hook, timeout(5_000)).sendMessage("You claimed \\#2.");
        verify(answer, timeout(5_000)).setEphemeral(true);
        verify(answer, timeout(5_000)).queue(any(), any());
    }

    @Test
    void answeredThereIsDeferredThenAnsweredLikeEveryButton() {
        ButtonInteractionEvent e = click(DiscordPayloads.ALICE, FakeDiscord.GUILD, "earshot:answered:2");
        commands().onButtonInteraction(e);
        verify(e).deferReply(true);
        verify(hook, timeout(5_000)).sendMessage(org.mockito.ArgumentMatchers.startsWith("\\#2 can be answered from here"));
    }

    @Test
    void replyOpensTheModalAsTheFirstAnswer() {
        ButtonInteractionEvent e = click(DiscordPayloads.ALICE, FakeDiscord.GUILD, "earshot:reply:2");
        ModalCallbackAction modal = mock(ModalCallbackAction.class, RETURNS_SELF);
        when(e.replyModal(any(Modal.class))).thenReturn(modal);
        commands().onButtonInteraction(e);
        verify(e).replyModal(any(Modal.class));
        verify(modal).queue();
        verify(e, never()).deferReply(anyBoolean());
    }

    @Test
    void aDirectMessageIsRefusedAtOnceAndAudited() {
        ButtonInteractionEvent e = click(DiscordPayloads.ALICE, null, "earshot:claim:2");
        commands().onButtonInteraction(e);
        verify(e).reply("Earshot works in its server's channel, not in direct messages.");
        verify(defer).setEphemeral(true);
        await().atMost(Duration.ofSeconds(5)).until(() -> world.queries.show(2).history().stream()
                .anyMatch(h -> h.action().equals("refused") && h.actor().equals("discord:" + DiscordPayloads.ALICE)));
        verify(hook, never()).sendMessage(anyString());
    }
}
