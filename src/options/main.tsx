// Options page entry (being built; see the popup issue).
import { render } from 'preact';

render(<main>TechWar Lens settings</main>, document.getElementById('app') as HTMLElement);
