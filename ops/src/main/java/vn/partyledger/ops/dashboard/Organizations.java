package vn.partyledger.ops.dashboard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;
import vn.partyledger.api.organization.FindOrganization;
import vn.partyledger.api.organization.FindOrganizationTree;
import vn.partyledger.api.organization.FindRoll;
import vn.partyledger.api.organization.OrganizationLevel;
import vn.partyledger.api.organization.OrganizationTree;
import vn.partyledger.api.organization.OrganizationView;
import vn.partyledger.api.organization.RollView;
import vn.partyledger.command.directory.OrganizationDirectory;
import vn.partyledger.ops.web.UnknownResourceException;

/** The organisation reads the pages share, through the same query gateway as the API's controllers. */
@Component
class Organizations {

    /** One roll page holds every member of a large cell or commune. */
    static final int ROLL_PAGE = 500;

    private final QueryGateway queries;
    private final OrganizationDirectory directory;

    Organizations(QueryGateway queries, OrganizationDirectory directory) {
        this.queries = queries;
        this.directory = directory;
    }

    /** The organisation as of the date; 404 page for an unknown id, as the API answers. */
    OrganizationView view(String id, LocalDate asOf) {
        if (directory.find(id).isEmpty()) {
            throw new UnknownResourceException("no organisation " + id);
        }
        return queries.query(new FindOrganization(id, asOf), ResponseTypes.instanceOf(OrganizationView.class)).join();
    }

    OrganizationTree tree(String id, LocalDate asOf) {
        return queries.query(new FindOrganizationTree(id, asOf), ResponseTypes.instanceOf(OrganizationTree.class))
                .join();
    }

    RollView roll(String id, LocalDate asOf) {
        return queries.query(new FindRoll(id, asOf, 0, ROLL_PAGE), ResponseTypes.instanceOf(RollView.class)).join();
    }

    /** The cells of the subtree as it stood on the date (the organisation itself if it is a cell), in tree order. */
    List<OrganizationTree.Node> cells(String id, LocalDate asOf) {
        List<OrganizationTree.Node> cells = new ArrayList<>();
        for (OrganizationTree.Node root : tree(id, asOf).roots()) {
            collectCells(root, cells);
        }
        return cells;
    }

    private static void collectCells(OrganizationTree.Node node, List<OrganizationTree.Node> cells) {
        if (node.level() == OrganizationLevel.CELL) {
            cells.add(node);
        }
        for (OrganizationTree.Node child : node.children()) {
            collectCells(child, cells);
        }
    }
}
