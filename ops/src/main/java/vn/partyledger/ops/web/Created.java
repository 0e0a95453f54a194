package vn.partyledger.ops.web;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** Bodies of command answers: the id of the resource the command created or changed. */
public record Created(String id) {

    public static ResponseEntity<Created> at(String path, String id) {
        return ResponseEntity.created(URI.create(path + "/" + id)).body(new Created(id));
    }

    /** 202: the fact is stored; read models reflect it once their processors have caught up. */
    public static ResponseEntity<Created> accepted(String path, String id) {
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(path + "/" + id)).body(new Created(id));
    }
}
