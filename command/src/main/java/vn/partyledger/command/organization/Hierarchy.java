package vn.partyledger.command.organization;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.rules.RuleOutcome;

/**
 * Shape of the organisation tree in force on a date: which parent levels each level may have, which levels have ended
 * (each with the regulation that ended it), which levels carry a cell type, and which nodes are grassroots
 * organisations (tổ chức cơ sở đảng) unless the establishing decision says otherwise.
 *
 * @param placement            the rule for parent levels
 * @param allowedParents       parent levels per level; a level without entry is a root
 * @param endedLevels          levels that may no longer be created or receive children, with the regulation
 * @param typedLevels          levels that must name a {@code CellType}; every other level must not
 * @param grassrootsLevels     levels that are grassroots organisations by default
 * @param grassrootsCapable    levels that may be declared grassroots at all
 * @param grassrootsUnder      levels that are grassroots only under some parent levels: a cell directly under a
 *                             province is a chi bộ cơ sở, under a commune it is a chi bộ trực thuộc
 * @param integrity            the rule keeping one active parent per node and no orphaned children (O6)
 */
record Hierarchy(Regulation placement,
                 Map<OrganizationLevel, Set<OrganizationLevel>> allowedParents,
                 Map<OrganizationLevel, Regulation> endedLevels,
                 Set<OrganizationLevel> typedLevels,
                 Set<OrganizationLevel> grassrootsLevels,
                 Set<OrganizationLevel> grassrootsCapable,
                 Map<OrganizationLevel, Set<OrganizationLevel>> grassrootsUnder,
                 Regulation integrity) {

    Hierarchy {
        allowedParents = Map.copyOf(allowedParents);
        endedLevels = Map.copyOf(endedLevels);
        typedLevels = Set.copyOf(typedLevels);
        grassrootsLevels = Set.copyOf(grassrootsLevels);
        grassrootsCapable = Set.copyOf(grassrootsCapable);
        grassrootsUnder = Map.copyOf(grassrootsUnder);
    }

    /** The same tree without {@code level}: nothing new at that level, nothing new under it. */
    Hierarchy withLevelEnded(OrganizationLevel level, Regulation endedBy) {
        Map<OrganizationLevel, Set<OrganizationLevel>> parents = new EnumMap<>(OrganizationLevel.class);
        allowedParents.forEach((child, allowed) -> {
            if (child != level) {
                EnumSet<OrganizationLevel> rest = EnumSet.noneOf(OrganizationLevel.class);
                rest.addAll(allowed);
                rest.remove(level);
                parents.put(child, rest);
            }
        });
        Map<OrganizationLevel, Regulation> ended = new HashMap<>(endedLevels);
        ended.put(level, endedBy);
        return new Hierarchy(placement, parents, ended, typedLevels, grassrootsLevels, grassrootsCapable,
                grassrootsUnder, integrity);
    }

    boolean needsCellType(OrganizationLevel level) {
        return typedLevels.contains(level);
    }

    /** Whether a node of {@code level} may exist on the date at all. */
    RuleOutcome levelInForce(OrganizationLevel level) {
        Regulation endedBy = endedLevels.get(level);
        return endedBy == null ? placement.ok()
                : endedBy.violation("the " + level + " level has ended: no organisation of that level may be "
                        + "established or moved; attach its units to a level still in force");
    }

    /** Whether a node of {@code level} may sit under a parent of {@code parentLevel} (null: no parent). */
    RuleOutcome placement(OrganizationLevel level, OrganizationLevel parentLevel) {
        Set<OrganizationLevel> allowed = allowedParents.getOrDefault(level, Set.of());
        if (parentLevel == null) {
            return placement.violationUnless(allowed.isEmpty(),
                    "a " + level + " needs a parent of level " + inOrder(allowed));
        }
        Regulation parentEndedBy = endedLevels.get(parentLevel);
        if (parentEndedBy != null) {
            return parentEndedBy.violation("the " + parentLevel + " level has ended: no organisation may be "
                    + "attached under one; choose a parent of level " + allowed);
        }
        if (allowed.isEmpty()) {
            return placement.violation("a " + level + " is a root of the tree and has no parent");
        }
        return placement.violationUnless(allowed.contains(parentLevel),
                "a " + level + " may not sit under a " + parentLevel + "; allowed parent levels: " + inOrder(allowed));
    }

    boolean defaultGrassroots(OrganizationLevel level, OrganizationLevel parentLevel) {
        return grassrootsLevels.contains(level)
                || parentLevel != null && grassrootsUnder.getOrDefault(level, Set.of()).contains(parentLevel);
    }

    boolean mayBeGrassroots(OrganizationLevel level) {
        return grassrootsCapable.contains(level);
    }

    private static Set<OrganizationLevel> inOrder(Set<OrganizationLevel> levels) {
        return new TreeSet<>(levels);
    }
}
