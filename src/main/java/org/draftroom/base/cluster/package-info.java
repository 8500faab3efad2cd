/**
 * Several nodes, one database: the settings of a cluster, jobs that run once per cluster and messages between nodes
 * through PostgreSQL. Nothing here does anything with one node.
 */
package org.draftroom.base.cluster;
