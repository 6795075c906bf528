/**
 * Reddit as a two-way source, through the brand account's "script" app: the OAuth token
 * ({@link RedditToken}), every call on one rate budget ({@link RedditApi}), the inbox and keyword
 * searches read back to the cursor ({@link RedditListings}), things mapped to messages
 * ({@link RedditThings}), and replies found again before any resend ({@link RedditReplies}).
 */
package dev.earshot.source.reddit;
