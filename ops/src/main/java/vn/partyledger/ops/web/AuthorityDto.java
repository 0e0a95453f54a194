package vn.partyledger.ops.web;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import vn.partyledger.api.envelope.Authority;

/** The decision or resolution that authorises a fact (optional on every command). */
public record AuthorityDto(@NotBlank @Size(max = 100) String docNo, @NotBlank @Size(max = 200) String issuer,
                           LocalDate issuedOn) {

    public static Authority toAuthority(AuthorityDto dto) {
        return dto == null ? null : new Authority(dto.docNo(), dto.issuer(), dto.issuedOn());
    }
}
