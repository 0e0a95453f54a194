package vn.partyledger.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PagingTest {

    private static final List<String> FIVE = List.of("a", "b", "c", "d", "e");

    @Test
    void pagesCoverTheListInOrderAndTheLastMayBeShort() {
        assertThat(Paging.page(FIVE, 0, 2)).containsExactly("a", "b");
        assertThat(Paging.page(FIVE, 1, 2)).containsExactly("c", "d");
        assertThat(Paging.page(FIVE, 2, 2)).containsExactly("e");
    }

    @Test
    void aPagePastTheEndIsEmptyEvenWhenItsOffsetOverflowsAnInt() {
        assertThat(Paging.page(FIVE, 3, 2)).isEmpty();
        assertThat(Paging.page(FIVE, 100_000, Integer.MAX_VALUE)).isEmpty();
        assertThat(Paging.page(FIVE, 0, Integer.MAX_VALUE)).containsExactlyElementsOf(FIVE);
    }

    @Test
    void aNegativePageOrAnEmptySizeIsRefused() {
        assertThatThrownBy(() -> Paging.page(FIVE, -1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Paging.check(0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
