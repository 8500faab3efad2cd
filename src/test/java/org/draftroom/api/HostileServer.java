package org.draftroom.api;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import org.draftroom.DraftroomApplication;
import org.springframework.boot.SpringApplication;

/**
 * The application in a JVM of its own for {@code HostileUploadsIT} (started with a small heap): the test and demo
 * profiles with the demo rounds, fresh data on the port given; prints {@code READY} once it answers, then the heap
 * in use and its peak so far ({@code HEAP used=... peak=...}, bytes) every 200 ms.
 */
public final class HostileServer {

    private HostileServer() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("hostile");
        new SpringApplication(DraftroomApplication.class).run("--spring.profiles.active=test,demo",
                "--draftroom.data-dir=" + dir.resolve("data"), "--draftroom.drafts-repo=" + dir.resolve("repo"),
                "--draftroom.demo.rounds=true", "--server.port=" + args[0], "--logging.level.root=WARN");
        System.out.println("READY");
        Thread heap = new Thread(() -> {
            while (true) {
                long used = 0;
                long peak = 0;
                for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
                    if (pool.getType() == MemoryType.HEAP) {
                        used += pool.getUsage().getUsed();
                        peak += pool.getPeakUsage().getUsed();
                    }
                }
                System.out.println("HEAP used=" + used + " peak=" + peak);
                try {
                    Thread.sleep(200);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "heap-report");
        heap.setDaemon(true);
        heap.start();
    }
}
