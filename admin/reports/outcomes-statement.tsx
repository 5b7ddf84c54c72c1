/**
 * What the numbers can and cannot say (issue 8: "association, not cause"), on the report
 * whatever it shows: the office reads rates beside courses, and that invites a causal reading.
 */
export function OutcomesStatement() {
  return (
    <section className="notice" aria-labelledby="outcomes-statement">
      <h2 id="outcomes-statement">What these numbers can and cannot say</h2>
      <ul>
        <li>
          These are associations in each clinician&rsquo;s own patients&rsquo; data, not evidence
          that a course caused the change.
        </li>
        <li>
          Other things changed too: the patients, the season, the team, how care is documented.
        </li>
        <li>Small numbers are uncertain: look at the 95 % interval, not only the rate.</li>
        <li>Each measure is a simplified version of the official one, and says how.</li>
        <li>
          Patient data never leaves the health system and is not shown here or in the CSV: only
          counts are. Counts under 11 read &ldquo;&lt;11&rdquo;, and a count that would let one be
          worked out is hidden the same way.
        </li>
      </ul>
    </section>
  );
}
