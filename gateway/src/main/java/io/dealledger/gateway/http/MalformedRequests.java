package io.dealledger.gateway.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import io.dealledger.gateway.metrics.GatewayMetrics;
import io.dealledger.service.http.Problem;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers requests that never reach WebFlux with a problem, like every other refusal: a request line or header
 * Netty cannot decode (a space in the path, a line or headers too long), and a request target or Host that is
 * no URI (a {@code %zz} escape), which Spring would answer with an empty 400. Sits right after Netty's HTTP codec,
 * before Reactor Netty's own handler; answers and closes the connection, since the rest of its bytes cannot be
 * trusted to frame a next request.
 */
final class MalformedRequests extends ChannelDuplexHandler {

    static final String NAME = "dealledger.malformedRequests";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** RFC 3986 reg-name / IPv4 / IP-literal, with an optional port. */
    private static final Pattern PORT = Pattern.compile("[0-9]{0,5}");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9._~%!$&'()*+,;=-]*|\\[[0-9A-Fa-f:.]+\\]");

    private final GatewayMetrics metrics;
    private boolean refused;

    MalformedRequests(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (refused) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (msg instanceof HttpRequest request) {
            Problem problem = problem(request);
            if (problem != null) {
                refused = true;
                ReferenceCountUtil.release(msg);
                refuse(ctx, problem);
                return;
            }
        }
        ctx.fireChannelRead(msg);
    }

    private static Problem problem(HttpRequest request) {
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            Throwable cause = decoded.cause();
            if (cause instanceof TooLongHttpLineException) {
                return problem(414, "URI too long", "request-line", "is longer than this gateway reads");
            }
            if (cause instanceof TooLongHttpHeaderException) {
                return problem(431, "Request header fields too large", "headers", "are larger than this gateway reads");
            }
            if (cause instanceof TooLongFrameException) {
                return problem(413, "Request too large", "body", "is larger than this gateway reads");
            }
            String message = cause == null || cause.getMessage() == null ? "cannot be decoded" : cause.getMessage();
            boolean header = message.toLowerCase().contains("header");
            return problem(400, "Invalid request", header ? "headers" : "request-line",
                    "is not valid HTTP/1.1: " + shorten(message));
        }
        String target = request.uri();
        try {
            URI uri = new URI(target);
            if (uri.getRawPath() == null || (!target.startsWith("/") && !uri.isAbsolute())) {
                return problem(400, "Invalid request", "request-target", "must be a path, e.g. /api/v1/…");
            }
        } catch (URISyntaxException e) {
            return problem(400, "Invalid request", "request-target", "is not a valid URI: " + shorten(e.getReason())
                    + " at index " + e.getIndex());
        }
        String host = request.headers().get(HttpHeaderNames.HOST);
        if (host != null && !validHost(host)) {
            return problem(400, "Invalid request", "Host", "is not a host name or address with an optional port");
        }
        return null;
    }

    private static boolean validHost(String host) {
        int colon = host.lastIndexOf(':');
        String name = host;
        if (colon >= 0 && !host.endsWith("]")) {
            String port = host.substring(colon + 1);
            if (!PORT.matcher(port).matches()) {
                return false;
            }
            name = host.substring(0, colon);
        }
        return HOST.matcher(name).matches();
    }

    private void refuse(ChannelHandlerContext ctx, Problem problem) {
        metrics.request("malformed_request", Problems.outcome(problem.status()));
        byte[] body = JSON.writeValueAsBytes(problem);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(problem.status()), Unpooled.wrappedBuffer(body));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    private static Problem problem(int status, String title, String field, String reason) {
        return Problem.of(status == 400 ? "invalid" : "http-" + status, title, status, field + " " + reason, null,
                field, reason);
    }

    private static String shorten(String message) {
        String oneLine = message.replaceAll("\\p{Cntrl}", " ");
        return oneLine.length() > 120 ? oneLine.substring(0, 120) + "…" : oneLine;
    }
}
