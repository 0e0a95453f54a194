package vn.partyledger.ops.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.stereotype.Component;
import vn.partyledger.api.envelope.Authority;
import vn.partyledger.api.envelope.Envelope;

/** Sends a command and waits for it to be stored, with the request's authority in the envelope. */
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
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
