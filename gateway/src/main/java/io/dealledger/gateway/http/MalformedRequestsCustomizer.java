package io.dealledger.gateway.http;

import io.dealledger.gateway.metrics.GatewayMetrics;

import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.stereotype.Component;
import reactor.netty.NettyPipeline;
import reactor.netty.http.server.HttpServer;

/** Puts {@link MalformedRequests} right after Netty's HTTP codec on every connection of the gateway's server. */
@Component
public class MalformedRequestsCustomizer implements NettyServerCustomizer {

    private final GatewayMetrics metrics;

    public MalformedRequestsCustomizer(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public HttpServer apply(HttpServer server) {
        return server.doOnChannelInit((observer, channel, remote) -> {
            if (channel.pipeline().get(NettyPipeline.HttpCodec) != null) {
                channel.pipeline().addAfter(NettyPipeline.HttpCodec, MalformedRequests.NAME,
                        new MalformedRequests(metrics));
            }
        });
    }
}
