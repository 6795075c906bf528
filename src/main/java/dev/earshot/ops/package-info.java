/**
 * Operations: the health and Prometheus metrics endpoint. Imports app (for the health board and
 * telemetry) and the Prometheus client; shows nothing secret.
 */
package dev.earshot.ops;
