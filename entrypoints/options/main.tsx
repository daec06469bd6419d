import { render } from 'preact';
import '../../src/ui/styles.css';
import { OptionsApp } from '../../src/ui/options-app';

render(<OptionsApp />, document.getElementById('app')!);
