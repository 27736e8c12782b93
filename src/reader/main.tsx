// Reader page entry (being built; see the reader issue).
import { render } from 'preact';

render(<main>TechWar Lens reader</main>, document.getElementById('app') as HTMLElement);
