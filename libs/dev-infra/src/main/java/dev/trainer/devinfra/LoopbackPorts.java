package dev.trainer.devinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Ports on 127.0.0.1: finding a free one before a server that needs its port in advance binds it, and probing. */
final class LoopbackPorts {

    private LoopbackPorts() {
    }

    static InetAddress loopback() {
        return InetAddress.getLoopbackAddress();
    }

    /** Another process may take the port before it is used; acceptable for a developer machine. */
    static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, loopback())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on 127.0.0.1", e);
        }
    }

    static boolean isListening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(loopback(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
