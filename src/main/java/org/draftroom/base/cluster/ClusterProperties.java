package org.draftroom.base.cluster;

import java.net.InetAddress;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Running several nodes against one PostgreSQL and one shared drafts directory ({@code draftroom.cluster.*}).
 *
 * @param enabled whether this node is one of several (default false: one node, nothing of the cluster machinery
 *                runs, no cost). Needs an external database ({@code spring.datasource.url}) or, for a test, the
 *                embedded database of one node opened to the others
 * @param nodeId  this node's name in logs and in the tables that say which node did what (default
 *                {@code <host>-<pid>})
 */
@ConfigurationProperties("draftroom.cluster")
public record ClusterProperties(@DefaultValue("false") boolean enabled, String nodeId) {

    /** This node's name. */
    public String node() {
        if (nodeId != null && !nodeId.isBlank()) {
            return nodeId;
        }
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "node";
        }
        return host + "-" + ProcessHandle.current().pid();
    }
}
