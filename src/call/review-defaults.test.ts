import { describe, expect, it } from 'vitest';
import { parseReview } from './finish-call.js';
import { withReviewDefaults } from './review-defaults.js';

const review = {
  resolution_status: 'resolved',
  issue_summary: '咨询扣费',
  actions_taken: [],
  follow_up_required: false,
};

describe('withReviewDefaults', () => {
  it('fills a missing customer_updates with --update-customer', () => {
    const filled = withReviewDefaults(review, { communication_style: '直接简洁' });
    expect(parseReview(filled, '--review').customer_updates).toEqual({ communication_style: '直接简洁' });
  });

  it('fills a missing customer_updates with {} when there is no --update-customer', () => {
    expect(parseReview(withReviewDefaults(review), '--review').customer_updates).toEqual({});
  });

  it('keeps customer_updates that the review gives', () => {
    const given = { ...review, customer_updates: { name: '王先生' } };
    expect(withReviewDefaults(given, { name: '李女士' })).toEqual(given);
  });

  it('leaves a review that is not an object for the schema to refuse', () => {
    expect(withReviewDefaults('resolved')).toBe('resolved');
    expect(() =>
      parseReview(withReviewDefaults({ ...review, follow_up_required: 'no' }), '--review'),
    ).toThrow(/follow_up_required/);
  });
});
