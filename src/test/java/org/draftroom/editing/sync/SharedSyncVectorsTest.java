package org.draftroom.editing.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The Java engine against the shared test vectors ({@code editing-sync/vectors.json}), which the browser's client
 * ({@code dr-live-text.js}) must pass too ({@code editing.ui.SyncVectorsBrowserIT}): the same diffs and deltas, the
 * same edits carried onto moved text, the same wire messages, and the same client steps against answers this server
 * gives. A change to either side that the other does not follow fails one of the two tests.
 */
class SharedSyncVectorsTest {

    /** The longest clause text written into the vectors' join answers. */
    static final int MAX_LENGTH = 200_000;

    static JsonNode vectors() {
        try (InputStream in = SharedSyncVectorsTest.class.getResourceAsStream("/editing-sync/vectors.json")) {
            return new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Stream<JsonNode> each(String section) {
        return StreamSupport.stream(vectors().get(section).spliterator(), false);
    }

    @TestFactory
    Stream<DynamicTest> diffs_give_the_same_delta_as_in_the_browser() {
        return each("diffs").map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            TextDiffs diffs = new TextDiffs();
            String delta = diffs.delta(v.get("a").asText(), v.get("b").asText());
            assertThat(delta).as("delta").isEqualTo(v.get("delta").asText());
            assertThat(diffs.target(diffs.decode(v.get("a").asText(), delta))).as("the delta applied")
                    .isEqualTo(v.get("b").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> changes_carried_onto_moved_text_land_as_in_the_browser() {
        return each("fuzzyApply").map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            TextDiffs diffs = new TextDiffs();
            String base = v.get("base").asText();
            String result = diffs.fuzzyApply(base, diffs.diff(base, v.get("changed").asText()),
                    v.get("target").asText()).text();
            assertThat(result).isEqualTo(v.get("result").asText());
        }));
    }

    @TestFactory
    Stream<DynamicTest> wire_messages_read_and_write_as_in_the_browser() {
        return each("wire").map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> {
            String text = v.get("text").asText();
            if (v.has("client")) {
                ClientMessage message = new ClientMessage(v.at("/client/clientId").asText(),
                        v.at("/client/clauseId").asText(), v.at("/client/epoch").asLong(), v.at("/client/seq").asLong(),
                        v.at("/client/serverVersionAcked").asLong(), edits(v.at("/client/edits")));
                assertThat(SyncCodec.encode(message)).isEqualTo(text);
                assertThat(SyncCodec.decodeClient(text, SyncLimits.DEFAULT)).isEqualTo(message);
            } else if (v.has("server")) {
                ServerMessage message = new ServerMessage(v.at("/server/clientId").asText(),
                        v.at("/server/clauseId").asText(), v.at("/server/epoch").asLong(), v.at("/server/seq").asLong(),
                        v.at("/server/clientVersionAcked").asLong(), edits(v.at("/server/edits")));
                assertThat(SyncCodec.encode(message)).isEqualTo(text);
                assertThat(SyncCodec.decodeServer(text, SyncLimits.DEFAULT)).isEqualTo(message);
            } else if (v.has("joined")) {
                JsonNode j = v.get("joined");
                Snapshot snapshot = new Snapshot(j.get("clientId").asText(), j.get("clauseId").asText(),
                        j.get("epoch").asLong(), j.get("text").asText());
                assertThat(SyncCodec.encodeJoined(snapshot, j.get("maxLength").asInt())).isEqualTo(text);
            } else {
                RejectReason reason = RejectReason.valueOf(v.at("/refused/reason").asText());
                assertThat(SyncCodec.encodeRefusal(reason, v.at("/refused/resync").asBoolean())).isEqualTo(text);
                assertThat(reason.requiresResync()).as("whether the reason asks for a resync")
                        .isEqualTo(v.at("/refused/resync").asBoolean());
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> sessions_run_step_by_step_as_in_the_browser() {
        return each("sessions").map(v -> DynamicTest.dynamicTest(v.get("name").asText(), () -> run(v)));
    }

    /** Runs one session: a real {@link ServerSync} answers, {@link ClientSync}s send and receive. */
    private static void run(JsonNode session) {
        String clauseId = session.get("clauseId").asText();
        ServerSync server = new ServerSync(SyncLimits.DEFAULT, id -> session.get("text").asText(), edits -> {
        });
        Map<String, ClientSync> clients = new HashMap<>();
        Map<String, String> answers = new HashMap<>();
        int number = 0;
        for (JsonNode step : session.get("steps")) {
            String at = "step " + ++number + " " + step;
            if (step.has("join")) {
                String id = step.get("join").asText();
                Snapshot snapshot = server.join(clauseId, id);
                assertThat(SyncCodec.encodeJoined(snapshot, MAX_LENGTH)).as(at).isEqualTo(step.get("joined").asText());
                if (step.path("resync").asBoolean()) {
                    clients.get(id).resync(snapshot);
                } else {
                    clients.put(id, new ClientSync(snapshot, SyncLimits.DEFAULT));
                }
                continue;
            }
            if (step.has("master")) {
                assertThat(server.session(clauseId).orElseThrow().text()).as(at)
                        .isEqualTo(step.get("master").asText());
                continue;
            }
            String id = step.get("client").asText();
            ClientSync client = clients.get(id);
            if (step.has("type")) {
                JsonNode t = step.get("type");
                client.edit(t.get("at").asInt(), t.get("delete").asInt(), t.get("insert").asText());
            } else if (step.has("send")) {
                String sent = SyncCodec.encode(client.nextMessage());
                assertThat(sent).as(at + ": the message").isEqualTo(step.get("send").asText());
                SyncOutcome outcome = server.receive(SyncCodec.decodeClient(sent, SyncLimits.DEFAULT));
                String answer = outcome instanceof SyncOutcome.Accepted accepted
                        ? SyncCodec.encode(accepted.reply())
                        : SyncCodec.encodeRefusal(((SyncOutcome.Rejected) outcome).reason());
                assertThat(answer).as(at + ": the server's answer").isEqualTo(step.get("answer").asText());
                answers.put(id, answer);
            } else if (step.has("receive")) {
                String wire = step.get("receive").asText().equals("answer") ? answers.get(id)
                        : step.get("receive").asText();
                ClientSync.Result result = client.receive(SyncCodec.decodeServer(wire, SyncLimits.DEFAULT));
                assertThat(result.name()).as(at + ": the result").isEqualTo(step.get("result").asText());
            }
            if (step.has("text")) {
                assertThat(client.text()).as(at + ": the client's text").isEqualTo(step.get("text").asText());
            }
            if (step.has("pending")) {
                assertThat(client.pendingEdits()).as(at + ": edits awaiting acknowledgement")
                        .isEqualTo(step.get("pending").asInt());
            }
        }
    }

    private static List<Edit> edits(JsonNode edits) {
        List<Edit> out = new ArrayList<>();
        for (JsonNode e : edits) {
            out.add(new Edit(e.get("clientVersion").asLong(), e.get("serverVersion").asLong(),
                    e.get("delta").asText()));
        }
        return out;
    }
}
