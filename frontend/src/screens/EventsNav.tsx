/** The sub-navigation of the three event screens (frontend.md §3.7), as real links. */
import { NavLink } from 'react-router';

export function EventsNav() {
  return (
    <nav aria-label="Event views" className="tabs">
      <NavLink to="/events" end className="tab">
        Feed
      </NavLink>
      <NavLink to="/events/maintenance" className="tab">
        Maintenance fees
      </NavLink>
      <NavLink to="/events/assignments" className="tab">
        Recent assignments
      </NavLink>
    </nav>
  );
}
