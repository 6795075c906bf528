/**
 * Configuration: the YAML file read into records, with {@code ${ENV}} and {@code ${file:...}}
 * interpolation, every problem collected as {@code path: sentence}, and tokens held in a
 * redacting {@link dev.earshot.config.Secret}. {@link dev.earshot.config.ConfigLoader} is the
 * entry point. Each adapter is handed only its own slice (a source config, the chat config),
 * never the whole. Also reads the shipped VADER lexicon for the priority's tone
 * ({@link dev.earshot.config.VaderLexicon}). Imports core, Jackson and the JDK.
 */
package dev.earshot.config;
