package forumkb.index;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ChangePositionTests {

	@Test
	void theWritersTransactionOrdersFirstThenTheChangeNumber() {
		ChangePosition laterWriterLowerNumber = new ChangePosition(1_000, 5);
		ChangePosition earlierWriterHigherNumber = new ChangePosition(999, 7);
		assertThat(laterWriterLowerNumber.isAfter(earlierWriterHigherNumber)).isTrue();
		assertThat(new ChangePosition(999, 8).isAfter(earlierWriterHigherNumber)).isTrue();
		assertThat(earlierWriterHigherNumber.isAfter(earlierWriterHigherNumber)).isFalse();
	}

	@Test
	void aPositionRecordedBeforeTransactionIdsResumesAtItsNumber() {
		assertThat(ChangePosition.parse("4711")).isEqualTo(new ChangePosition(0, 4711));
		ChangePosition position = new ChangePosition(123_456, 789);
		assertThat(ChangePosition.parse(position.toString())).isEqualTo(position);
	}

}
