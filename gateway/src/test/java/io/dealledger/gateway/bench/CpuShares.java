package io.dealledger.gateway.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Where the machine's cores went between two snapshots (Linux {@code /proc}): this JVM (the gateway), the broker
 * (its pid given with {@code -Dbench.broker.pid}, e.g. {@code $(cat /tmp/bench-kafka/broker.pid)}) and everything
 * else (wrk, mostly), each as a share of all the cores' time, plus what stayed idle. It says whether a route is
 * bound by the gateway's own work or by what it shares the machine with.
 */
final class CpuShares {

    private final long total;
    private final long idle;
    private final long self;
    private final long broker;

    private CpuShares(long total, long idle, long self, long broker) {
        this.total = total;
        this.idle = idle;
        this.self = self;
        this.broker = broker;
    }

    static CpuShares now() throws IOException {
        String[] cpu = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
        long total = 0;
        for (int i = 1; i < cpu.length; i++) {
            total += Long.parseLong(cpu[i]);
        }
        long idle = Long.parseLong(cpu[4]) + Long.parseLong(cpu[5]);
        String brokerPid = System.getProperty("bench.broker.pid");
        return new CpuShares(total, idle, processTicks("self"), brokerPid == null ? 0 : processTicks(brokerPid));
    }

    /** "gateway 41% broker 35% other 20% idle 4%" since {@code before}. */
    String since(CpuShares before) {
        double all = Math.max(1, total - before.total);
        double gateway = (self - before.self) / all;
        double kafka = (broker - before.broker) / all;
        double free = (idle - before.idle) / all;
        return String.format(Locale.ROOT, "cpu: gateway %.0f%% broker %s other %.0f%% idle %.0f%%", 100 * gateway,
                System.getProperty("bench.broker.pid") == null ? "(no -Dbench.broker.pid)"
                        : String.format(Locale.ROOT, "%.0f%%", 100 * kafka),
                100 * Math.max(0, 1 - gateway - kafka - free), 100 * free);
    }

    /** utime + stime of a process, in clock ticks (the unit of /proc/stat). */
    private static long processTicks(String pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", pid, "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }
}
