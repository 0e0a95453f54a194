package vn.partyledger.ops.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.envelope.Envelope;
import vn.partyledger.ops.storage.AppendedPosition;

/**
 * Sends a command and waits for it to be stored, with the request's authority in the envelope; the answer carries the
 * global position of the command's last event in {@code Ledger-Position}.
 */
@Component
public class Commands {

    private final CommandGateway gateway;

    Commands(CommandGateway gateway) {
        this.gateway = gateway;
    }

    /** {@code authority}: the request's optional {@code authority} object, as every command request carries it. */
    public <R> R send(Object command, AuthorityDto request) {
        return send(command, request, Map.of());
    }

    /**
     * {@code envelope}: further envelope keys the command hands down to its events (a correction's
     * {@code correctsEventId} and {@code reason}).
     */
    public <R> R send(Object command, AuthorityDto request, Map<String, ?> envelope) {
        Authority authority = AuthorityDto.toAuthority(request);
        MetaData metaData = MetaData.from(envelope);
        if (authority != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("docNo", authority.docNo());
            a.put("issuer", authority.issuer());
            if (authority.issuedOn() != null) {
                a.put("issuedOn", authority.issuedOn().toString());
            }
            metaData = metaData.and(Envelope.AUTHORITY, a);
        }
        AppendedPosition.forget();
        R result = gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
        Long position = AppendedPosition.take();
        if (position != null
                && RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes current
                && current.getResponse() != null) {
            // Read-your-writes: send it back as Ledger-Min-Position on a read to see this command's effect.
            current.getResponse().setHeader(Reads.POSITION, Long.toString(position));
        }
        return result;
    }
}
