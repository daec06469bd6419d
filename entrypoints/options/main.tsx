import '../../src/zod-jitless'; // first: before any zod schema is built
import { render } from 'preact';
import '../../src/ui/styles.css';
import { OptionsApp } from '../../src/ui/options-app';

render(<OptionsApp />, document.getElementById('app')!);
