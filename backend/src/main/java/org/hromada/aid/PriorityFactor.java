package org.hromada.aid;

/**
 * One factor of a computed priority.
 *
 * @param factor what it measures
 * @param value from 0 to 1
 * @param weight its configured weight
 * @param contribution value times weight over the sum of weights
 */
public record PriorityFactor(String factor, double value, double weight, double contribution) {

}
