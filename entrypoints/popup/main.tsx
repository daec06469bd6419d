import '../../src/zod-jitless'; // first: before any zod schema is built
import { render } from 'preact';
import '../../src/ui/styles.css';
import { Popup } from '../../src/ui/popup';

render(<Popup />, document.getElementById('app')!);
