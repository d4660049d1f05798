package io.dealledger.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What stands in front of a service's instances in production (a load balancer, a Kubernetes Service): one port,
 * each new connection handed to the next instance in turn, and an instance that refuses the connection (stopped,
 * killed, still starting) skipped for the next one. A connection already open to an instance that dies is cut, as a
 * layer-4 balancer cuts it: the caller sees the failure and retries, as a user or Books would.
 */
final class TcpBalancer implements AutoCloseable {

    private final ServerSocket server;
    private final List<Integer> ports;
    private final AtomicInteger next = new AtomicInteger();
    private final ExecutorService pipes = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "balancer");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean open = true;

    TcpBalancer(int port, List<Integer> instancePorts) throws IOException {
        this.ports = List.copyOf(instancePorts);
        this.server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        pipes.execute(this::accept);
    }

    int port() {
        return server.getLocalPort();
    }

    private void accept() {
        while (open) {
            try {
                Socket client = server.accept();
                pipes.execute(() -> serve(client));
            } catch (IOException e) {
                if (open) {
                    System.err.println("balancer on " + port() + ": " + e);
                }
            }
        }
    }

    private void serve(Socket client) {
        Socket instance = connect();
        if (instance == null) {
            close(client);
            return;
        }
        pipes.execute(() -> pipe(client, instance));
        pipe(instance, client);
    }

    /** The next instance that takes the connection; null when none does (the caller sees the connection close). */
    private Socket connect() {
        int first = next.getAndIncrement();
        for (int i = 0; i < ports.size(); i++) {
            int port = ports.get(Math.floorMod(first + i, ports.size()));
            Socket socket = new Socket();
            try {
                socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1_000);
                socket.setTcpNoDelay(true);
                return socket;
            } catch (IOException refused) {
                close(socket);
            }
        }
        return null;
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException cut) {
            // one side went away: the other is closed below
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    @Override
    public void close() {
        open = false;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        pipes.shutdownNow();
    }
}
