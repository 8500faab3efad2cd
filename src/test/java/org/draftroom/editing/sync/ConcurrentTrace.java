package org.draftroom.editing.sync;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A concurrent editing trace from {@code josephg/editing-traces} (see {@code editing-traces/README.md}): transactions
 * with an agent, parents (a DAG) and patches whose positions, in code points, refer to the document as the agent saw
 * it after merging the parents.
 *
 * <p>{@link Replay} reconstructs what each agent saw: every character ever inserted stays in one list (deleted ones as
 * tombstones), and the document at a version is the characters whose insertion, and none of whose deletions, the
 * version includes. Versions are version vectors (each agent's transactions form a chain, checked on load). A new
 * character goes right after its left neighbour in the agent's view; the trace promises no two agents insert at the
 * same place concurrently, so that order is the trace's.
 */
final class ConcurrentTrace {

    record Patch(int position, int deleteCount, String insert) {
    }

    record Txn(int agent, int seqOfAgent, int[] parentsVersion, List<Patch> patches) {
    }

    final String endContent;
    final int agents;
    final List<Txn> txns;

    private ConcurrentTrace(String endContent, int agents, List<Txn> txns) {
        this.endContent = endContent;
        this.agents = agents;
        this.txns = txns;
    }

    static ConcurrentTrace load(InputStream gzipped) throws IOException {
        JsonNode root;
        try (InputStream in = new GZIPInputStream(gzipped)) {
            root = new ObjectMapper().readTree(in);
        }
        int agents = root.get("numAgents").asInt();
        List<int[]> versions = new ArrayList<>();
        int[] counts = new int[agents];
        List<Txn> txns = new ArrayList<>();
        for (JsonNode t : root.get("txns")) {
            int[] version = new int[agents];
            for (JsonNode p : t.get("parents")) {
                int[] parent = versions.get(p.asInt());
                for (int a = 0; a < agents; a++) {
                    version[a] = Math.max(version[a], parent[a]);
                }
            }
            int agent = t.get("agent").asInt();
            if (version[agent] != counts[agent]) {
                throw new IllegalStateException("agent " + agent + "'s transactions are not a chain");
            }
            List<Patch> patches = new ArrayList<>();
            for (JsonNode p : t.get("patches")) {
                patches.add(new Patch(p.get(0).asInt(), p.get(1).asInt(), p.get(2).asText()));
            }
            txns.add(new Txn(agent, counts[agent], version.clone(), patches));
            counts[agent]++;
            version[agent] = counts[agent];
            versions.add(version);
        }
        return new ConcurrentTrace(root.get("endContent").asText(), agents, txns);
    }

    /** The trace's documents, transaction by transaction. Not thread-safe. */
    static final class Replay {

        private static final class Char {
            final int agent;
            final int seq;
            final String text;
            final List<int[]> deletedBy = new ArrayList<>(1);

            Char(int agent, int seq, String text) {
                this.agent = agent;
                this.seq = seq;
                this.text = text;
            }

            boolean visibleAt(int[] version) {
                if (seq >= version[agent]) {
                    return false;
                }
                for (int[] d : deletedBy) {
                    if (d[1] < version[d[0]]) {
                        return false;
                    }
                }
                return true;
            }
        }

        private final List<Char> chars = new ArrayList<>();
        private List<Char> view = List.of();
        private int agent;
        private int seq;

        /** Selects the view of {@code txn}'s agent (its parents plus its own earlier patches in {@code txn}). */
        String viewBefore(Txn txn) {
            int[] version = txn.parentsVersion().clone();
            version[txn.agent()] = txn.seqOfAgent() + 1;
            agent = txn.agent();
            seq = txn.seqOfAgent();
            view = new ArrayList<>();
            StringBuilder text = new StringBuilder();
            for (Char c : chars) {
                if (c.visibleAt(version)) {
                    view.add(c);
                    text.append(c.text);
                }
            }
            return text.toString();
        }

        /** Deletes the character at {@code position} (code points) of the selected view. */
        void delete(int position) {
            view.remove(position).deletedBy.add(new int[] {agent, seq});
        }

        /** Inserts one code point at {@code position} of the selected view. */
        void insert(int position, String codePoint) {
            Char c = new Char(agent, seq, codePoint);
            int at = position == 0 ? 0 : chars.indexOf(view.get(position - 1)) + 1;
            chars.add(at, c);
            view.add(position, c);
        }

        String text() {
            StringBuilder out = new StringBuilder();
            for (Char c : chars) {
                if (c.deletedBy.isEmpty()) {
                    out.append(c.text);
                }
            }
            return out.toString();
        }
    }
}
