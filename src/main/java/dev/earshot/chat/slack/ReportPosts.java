package dev.earshot.chat.slack;

import com.slack.api.methods.request.files.FilesCompleteUploadExternalRequest;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.files.FilesCompleteUploadExternalResponse;
import com.slack.api.methods.response.files.FilesGetUploadURLExternalResponse;
import com.slack.api.model.File;
import dev.earshot.core.ChatRef;
import dev.earshot.port.ChatPlatform;
import dev.earshot.port.DeliveryException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The morning digest and other reports: the text laid out by {@link SlackText#report} (title in
 * bold, tables as a code block), alone as a channel message or as the comment of an uploaded
 * image. Uploading takes three steps (files.getUploadURLExternal, the upload itself,
 * files.completeUploadExternal); a file carries no message metadata, so its mark goes into the
 * file's name ({@link PostMarks#inFileName}), where {@link PostFinder} looks for it.
 */
final class ReportPosts {
    private final SlackWebApi api;

    ReportPosts(SlackWebApi api) {
        this.api = api;
    }

    ChatRef postReportText(String channel, String text, String key) throws DeliveryException {
        ChatPostMessageResponse r = api.call("chat.postMessage", m -> m.chatPostMessage(q -> q.channel(channel)
                .text(SlackText.report(text)).metadataAsString(PostMarks.single(key)).unfurlLinks(false)
                .unfurlMedia(false).linkNames(false)));
        return new SlackRef(SlackWebApi.channelOf(r, channel), r.getTs()).toChatRef();
    }

    ChatRef postReport(String channel, String text, ChatPlatform.Image image, String key) throws DeliveryException {
        String fileName = reportFileName(image.fileName(), key);
        FilesGetUploadURLExternalResponse url = api.call("files.getUploadURLExternal", m -> m
                .filesGetUploadURLExternal(q -> q.filename(fileName).length(image.png().length)));
        upload(url.getUploadUrl(), image.png());
        FilesCompleteUploadExternalResponse done = api.call("files.completeUploadExternal", m -> m
                .filesCompleteUploadExternal(q -> q.channelId(channel).initialComment(SlackText.report(text))
                        .files(List.of(FilesCompleteUploadExternalRequest.FileDetails.builder()
                                .id(url.getFileId()).title(image.title()).build()))));
        return shareTs(done, channel).map(ts -> new SlackRef(channel, ts).toChatRef())
                .orElseGet(() -> new ChatRef("slack:" + channel + ":file-" + url.getFileId()));
    }

    private void upload(String url, byte[] png) throws DeliveryException {
        Request request = new Request.Builder().url(url).post(RequestBody.create(png)).build();
        try (Response response = api.methods().getSlackHttpClient().getOkHttpClient().newCall(request).execute()) {
            if (response.code() == 429) {
                throw new DeliveryException(DeliveryException.Kind.RATE_LIMITED, "file upload: HTTP 429",
                        SlackErrors.retryAfter(response.header("Retry-After"), api.clock()), null);
            }
            if (response.code() != 200) {
                throw new DeliveryException(DeliveryException.Kind.TRANSIENT, "file upload: HTTP " + response.code());
            }
        } catch (IOException e) {
            throw SlackErrors.fromNetwork("file upload", e);
        }
    }

    private static Optional<String> shareTs(FilesCompleteUploadExternalResponse done, String channel) {
        if (done.getFiles() == null || done.getFiles().isEmpty() || done.getFiles().get(0).getShares() == null) {
            return Optional.empty();
        }
        File.Shares shares = done.getFiles().get(0).getShares();
        List<File.ShareDetail> details = new ArrayList<>();
        if (shares.getPublicChannels() != null && shares.getPublicChannels().get(channel) != null) {
            details.addAll(shares.getPublicChannels().get(channel));
        }
        if (shares.getPrivateChannels() != null && shares.getPrivateChannels().get(channel) != null) {
            details.addAll(shares.getPrivateChannels().get(channel));
        }
        return details.stream().map(File.ShareDetail::getTs).filter(ts -> ts != null).findFirst();
    }

    /** {@code trend.png} with key {@code 3f9a…} becomes {@code trend-earshot-3f9a….png}. */
    static String reportFileName(String fileName, String key) {
        int dot = fileName.lastIndexOf('.');
        String base = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        return base + "-" + PostMarks.inFileName(key) + extension;
    }
}
