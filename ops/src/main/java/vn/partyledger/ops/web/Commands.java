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
        Authority authority = AuthorityDto.toAuthority(request);
        MetaData metaData = MetaData.emptyInstance();
        if (authority != null) {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("docNo", authority.docNo());
            a.put("issuer", authority.issuer());
            if (authority.issuedOn() != null) {
                a.put("issuedOn", authority.issuedOn().toString());
            }
            metaData = MetaData.with(Envelope.AUTHORITY, a);
        }
        return gateway.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
