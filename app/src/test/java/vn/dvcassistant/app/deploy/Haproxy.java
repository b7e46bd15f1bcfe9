package vn.dvcassistant.app.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * HAProxy in front of the instances, configured as docs/deploy/haproxy.cfg advises (round robin, health
 * checks on /health, a request whose connection is refused tried again on another instance), on loopback.
 */
final class Haproxy {

    private Haproxy() {
    }

    static LocalProcess start(Path binary, Path dir, int port, List<Integer> instancePorts) throws IOException {
        StringBuilder servers = new StringBuilder();
        for (int i = 0; i < instancePorts.size(); i++) {
            servers.append("    server app").append(i + 1).append(" 127.0.0.1:").append(instancePorts.get(i))
                    .append(" check\n");
        }
        Path config = dir.resolve("haproxy.cfg");
        Files.writeString(config, """
                global
                    maxconn 1000
                defaults
                    mode http
                    option forwardfor
                    timeout connect 2s
                    timeout client 60s
                    timeout server 60s
                    retries 3
                    option redispatch
                frontend dvc
                    bind 127.0.0.1:%d
                    default_backend dvc_instances
                backend dvc_instances
                    balance roundrobin
                    option httpchk GET /health
                    http-check expect status 200
                    default-server inter 500ms fall 2 rise 2
                %s""".formatted(port, servers));
        return LocalProcess.start("haproxy", List.of(binary.toString(), "-db", "-f", config.toString()), Map.of(),
                dir.resolve("haproxy.log"));
    }
}
