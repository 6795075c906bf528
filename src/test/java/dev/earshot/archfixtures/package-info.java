/**
 * A small tree of the same shape as {@code dev.earshot}, for {@code ArchitectureRulesCatchTest}
 * only: each class named {@code XUsesY} breaks exactly one architecture rule, the others keep
 * every rule, so each rule is seen to fail on its fixture and on nothing else. The real
 * {@code ArchitectureTest} imports main classes only and never sees these.
 */
package dev.earshot.archfixtures;
