import { render } from 'preact';
render(<p>Sourcemark</p>, document.getElementById('app')!);
